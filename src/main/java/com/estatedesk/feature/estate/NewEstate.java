package com.estatedesk.feature.estate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record NewEstate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String location,

        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 4)
        BigDecimal size,

        @NotNull SizeUnit sizeUnit,
        @NotNull TitleDeed titleDeed) {}
