package com.estatedesk.feature.messaging;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A message between two logins (accounts) of one company. */
@Entity
@Table(name = "message")
public class Message extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_id")
    @SequenceGenerator(name = "message_id", sequenceName = "message_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sender_account_id", nullable = false, updatable = false)
    private long senderId;

    @Column(name = "recipient_account_id", nullable = false, updatable = false)
    private long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageType type;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Message() {}

    Message(long senderId, long recipientId, MessageType type, String body) {
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.type = type;
        this.body = body;
        this.createdAt = Timestamps.now();
    }

    void markRead(boolean read) {
        this.read = read;
    }

    Long id() {
        return id;
    }

    long senderId() {
        return senderId;
    }

    long recipientId() {
        return recipientId;
    }

    MessageType type() {
        return type;
    }

    String body() {
        return body;
    }

    boolean isRead() {
        return read;
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }
}
