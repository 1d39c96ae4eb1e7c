package com.estatedesk.feature.allocation;

import com.estatedesk.feature.estate.EstateRef;
import com.estatedesk.feature.estate.PlotNumberView;
import com.estatedesk.feature.estate.PlotSizeView;
import com.estatedesk.feature.people.model.PersonRef;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** An allocation, with what a person reads beside each id: the client, the estate, the plot size and number. */
@JsonbPropertyOrder({
    "id",
    "clientId",
    "estateId",
    "plotSizeId",
    "plotNumberId",
    "client",
    "estate",
    "plotSize",
    "plotNumber",
    "paymentType",
    "createdAt"
})
public record AllocationView(
        long id,
        long clientId,
        long estateId,
        long plotSizeId,
        Long plotNumberId,
        PersonRef client,
        EstateRef estate,
        PlotSizeView plotSize,
        PlotNumberView plotNumber,
        PaymentType paymentType,
        Instant createdAt) {}
