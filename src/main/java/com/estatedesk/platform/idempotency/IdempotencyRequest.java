package com.estatedesk.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/** The Idempotency-Key of the current request and the fingerprint of what it asks for. */
@RequestScoped
public class IdempotencyRequest {

    private String key;
    private String fingerprint;

    void set(String key, String fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
