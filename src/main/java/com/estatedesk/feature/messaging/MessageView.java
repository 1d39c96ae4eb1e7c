package com.estatedesk.feature.messaging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** A message, with its sender and recipient as a person reads them beside their account ids. */
@JsonbPropertyOrder({"id", "senderId", "recipientId", "sender", "recipient", "type", "body", "read", "createdAt"})
public record MessageView(
        long id,
        long senderId,
        long recipientId,
        MessageParty sender,
        MessageParty recipient,
        MessageType type,
        String body,
        boolean read,
        Instant createdAt) {
    static MessageView of(Message message, Map<Long, MessageParty> parties) {
        return new MessageView(
                message.id(),
                message.senderId(),
                message.recipientId(),
                parties.get(message.senderId()),
                parties.get(message.recipientId()),
                message.type(),
                message.body(),
                message.isRead(),
                message.createdAt());
    }
}
