package com.estatedesk.feature.allocation;

import jakarta.validation.constraints.NotNull;

public record NewAllocation(
        @NotNull Long clientId,
        @NotNull Long estateId,
        @NotNull Long plotSizeId,
        Long plotNumberId,
        @NotNull PaymentType paymentType) {}
