package com.estatedesk.feature.assignment;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A client looked after by a marketer of the same company (the database enforces "same company"). */
@Entity
@Table(name = "assignment")
public class Assignment extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_id")
    @SequenceGenerator(name = "assignment_id", sequenceName = "assignment_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private long clientId;

    @Column(name = "marketer_id", nullable = false)
    private long marketerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Assignment() {}

    Assignment(long clientId, long marketerId) {
        this.clientId = clientId;
        this.marketerId = marketerId;
        this.createdAt = Timestamps.now();
    }

    void moveTo(long otherMarketerId) {
        this.marketerId = otherMarketerId;
    }

    public Long id() {
        return id;
    }

    public long clientId() {
        return clientId;
    }

    public long marketerId() {
        return marketerId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
