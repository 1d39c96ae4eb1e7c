package com.estatedesk.feature.messaging;

public enum MessageType {
    ENQUIRY,
    COMPLAINT,
    COMPLIMENT
}
