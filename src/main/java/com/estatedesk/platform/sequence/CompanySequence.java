package com.estatedesk.platform.sequence;

import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The numbering state of one company for one key; unique per (company, key). */
@Entity
@Table(name = "company_sequence")
@NamedQuery(name = CompanySequence.BY_KEY, query = "select s from CompanySequence s where s.key = :key")
public class CompanySequence extends CompanyOwned {

    static final String BY_KEY = "CompanySequence.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "company_sequence_id")
    @SequenceGenerator(name = "company_sequence_id", sequenceName = "company_sequence_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "seq_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected CompanySequence() {}

    CompanySequence(SequenceKey key) {
        this.key = key.name();
        this.lastValue = 0;
    }

    /** Takes the next {@code count} numbers; returns the first. Only ever grows. */
    long take(int count) {
        long first = lastValue + 1;
        lastValue += count;
        return first;
    }

    /** Moves the sequence up to {@code highestUsed} if it is behind; never down. */
    boolean raiseTo(long highestUsed) {
        if (highestUsed > lastValue) {
            lastValue = highestUsed;
            return true;
        }
        return false;
    }

    public String key() {
        return key;
    }

    public long lastValue() {
        return lastValue;
    }
}
