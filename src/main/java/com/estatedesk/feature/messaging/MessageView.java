package com.estatedesk.feature.messaging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

@JsonbPropertyOrder({"id", "senderId", "recipientId", "type", "body", "read", "createdAt"})
public record MessageView(
        long id, long senderId, long recipientId, MessageType type, String body, boolean read, Instant createdAt) {
    static MessageView of(Message message) {
        return new MessageView(
                message.id(),
                message.senderId(),
                message.recipientId(),
                message.type(),
                message.body(),
                message.isRead(),
                message.createdAt());
    }
}
