package com.estatedesk.messaging;

public enum MessageType {
    ENQUIRY,
    COMPLAINT,
    COMPLIMENT
}
