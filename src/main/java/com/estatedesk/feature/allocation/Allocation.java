package com.estatedesk.feature.allocation;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A unit of an estate plot allocated to a client. */
@Entity
@Table(name = "allocation")
public class Allocation extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allocation_id")
    @SequenceGenerator(name = "allocation_id", sequenceName = "allocation_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private long clientId;

    @Column(name = "estate_id", nullable = false, updatable = false)
    private long estateId;

    @Column(name = "estate_plot_id", nullable = false, updatable = false)
    private long estatePlotId;

    @Column(name = "plot_number_id", updatable = false)
    private Long plotNumberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_type", nullable = false, updatable = false)
    private PaymentType paymentType;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Allocation() {}

    Allocation(long clientId, long estateId, long estatePlotId, Long plotNumberId, PaymentType paymentType) {
        this.clientId = clientId;
        this.estateId = estateId;
        this.estatePlotId = estatePlotId;
        this.plotNumberId = plotNumberId;
        this.paymentType = paymentType;
        this.createdAt = Timestamps.now();
    }

    Long id() {
        return id;
    }

    long clientId() {
        return clientId;
    }

    long estateId() {
        return estateId;
    }

    Long plotNumberId() {
        return plotNumberId;
    }

    PaymentType paymentType() {
        return paymentType;
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }
}
