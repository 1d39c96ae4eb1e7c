package com.estatedesk.feature.messaging;

import com.estatedesk.infra.problem.Problems;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** PATCH /messages/{id}: {"read": true|false}, nothing else. */
public record ReadChange(Boolean read) {
    public static ReadChange from(JsonObject body) {
        if (body.size() != 1 || !(body.get("read") == JsonValue.TRUE || body.get("read") == JsonValue.FALSE)) {
            throw Problems.invalid("read", "the body must be {\"read\": true} or {\"read\": false}");
        }
        return new ReadChange(body.getBoolean("read"));
    }
}
