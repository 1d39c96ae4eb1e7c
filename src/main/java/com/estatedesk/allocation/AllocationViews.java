package com.estatedesk.allocation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

public final class AllocationViews {

    private AllocationViews() {
    }

    public record NewAllocation(@NotNull Long clientId, @NotNull Long estateId, @NotNull Long plotSizeId,
                                Long plotNumberId, @NotNull PaymentType paymentType) {
    }

    @JsonbPropertyOrder({"id", "clientId", "estateId", "plotSizeId", "plotNumberId", "paymentType", "createdAt"})
    public record AllocationView(long id, long clientId, long estateId, long plotSizeId, Long plotNumberId,
                                 PaymentType paymentType, Instant createdAt) {
    }
}
