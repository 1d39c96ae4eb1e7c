package com.estatedesk.estate;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and representations of estates, plot sizes, plot numbers and estate plots. */
public final class EstateViews {

    private EstateViews() {
    }

    public record NewEstate(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String location,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 4) BigDecimal size,
            @NotNull SizeUnit sizeUnit,
            @NotNull TitleDeed titleDeed) {
    }

    @JsonbPropertyOrder({"id", "name", "location", "size", "sizeUnit", "titleDeed", "createdAt"})
    public record EstateView(long id, String name, String location, BigDecimal size, SizeUnit sizeUnit,
                             TitleDeed titleDeed, Instant createdAt) {
        static EstateView of(Estate estate) {
            // 10.0000 → 10, not 1E+1
            BigDecimal size = new BigDecimal(estate.size().stripTrailingZeros().toPlainString());
            return new EstateView(estate.id(), estate.name(), estate.location(), size,
                    estate.sizeUnit(), estate.titleDeed(), estate.createdAt());
        }
    }

    public record NewPlotSize(@NotBlank @Size(max = 50) String size) {
    }

    @JsonbPropertyOrder({"id", "size"})
    public record PlotSizeView(long id, String size) {
        static PlotSizeView of(PlotSize plotSize) {
            return new PlotSizeView(plotSize.id(), plotSize.size());
        }
    }

    public record NewPlotNumber(@NotBlank @Size(max = 50) String number) {
    }

    @JsonbPropertyOrder({"id", "number"})
    public record PlotNumberView(long id, String number) {
        static PlotNumberView of(PlotNumber plotNumber) {
            return new PlotNumberView(plotNumber.id(), plotNumber.number());
        }
    }

    /** POST /estates/{id}/plots: units of one plot size in the estate, with the plot numbers laid out in it. */
    public record NewEstatePlot(
            @NotNull Long plotSizeId,
            @NotNull @Min(1) @Max(1_000_000) Integer totalUnits,
            @Size(max = 10_000) List<@NotNull Long> plotNumberIds) {
    }

    @JsonbPropertyOrder({"plotSizeId", "size", "totalUnits", "availableUnits", "plotNumbers"})
    public record EstatePlotView(long plotSizeId, String size, int totalUnits, int availableUnits,
                                 List<PlotNumberState> plotNumbers) {
    }

    @JsonbPropertyOrder({"id", "number", "allocated"})
    public record PlotNumberState(long id, String number, boolean allocated) {
    }

    public record EstatePlots(List<EstatePlotView> items) {
    }
}
