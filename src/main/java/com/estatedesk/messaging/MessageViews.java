package com.estatedesk.messaging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

public final class MessageViews {

    private MessageViews() {
    }

    /** {@code recipientId} is an accountId of the caller's company. */
    public record NewMessage(@NotNull Long recipientId, @NotNull MessageType type,
                             @NotBlank @Size(max = 5000) String body) {
    }

    @JsonbPropertyOrder({"id", "senderId", "recipientId", "type", "body", "read", "createdAt"})
    public record MessageView(long id, long senderId, long recipientId, MessageType type, String body, boolean read,
                              Instant createdAt) {
        static MessageView of(Message message) {
            return new MessageView(message.id(), message.senderId(), message.recipientId(), message.type(),
                    message.body(), message.isRead(), message.createdAt());
        }
    }
}
