package com.estatedesk.messaging;

import com.estatedesk.problem.Problems;
import com.estatedesk.rest.MultilineText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
                             @NotBlank @Size(max = 5000) @MultilineText String body) {
    }

    /** PATCH /messages/{id}: {"read": true|false}, nothing else. */
    public record ReadChange(Boolean read) {
        public static ReadChange from(JsonObject body) {
            if (body.size() != 1 || !(body.get("read") == JsonValue.TRUE || body.get("read") == JsonValue.FALSE)) {
                throw Problems.invalid("read", "the body must be {\"read\": true} or {\"read\": false}");
            }
            return new ReadChange(body.getBoolean("read"));
        }
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
