package com.estatedesk.feature.messaging;

import com.estatedesk.infra.rest.MultilineText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code recipientId} is an accountId of the caller's company. */
public record NewMessage(
        @NotNull Long recipientId,
        @NotNull MessageType type,
        @NotBlank @Size(max = 5000) @MultilineText String body) {}
