package com.estatedesk.feature.allocation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

@JsonbPropertyOrder({"id", "clientId", "estateId", "plotSizeId", "plotNumberId", "paymentType", "createdAt"})
public record AllocationView(
        long id,
        long clientId,
        long estateId,
        long plotSizeId,
        Long plotNumberId,
        PaymentType paymentType,
        Instant createdAt) {}
