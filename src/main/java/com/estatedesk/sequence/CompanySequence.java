package com.estatedesk.sequence;

import com.estatedesk.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The numbering state of one company for one key. The table's primary key is (company_id, seq_key);
 * the company part is the tenant discriminator, so within a transaction (bound to one company) the
 * key alone identifies the row.
 */
@Entity
@Table(name = "company_sequence")
public class CompanySequence extends CompanyOwned {

    @Id
    @Column(name = "seq_key")
    private String key;

    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected CompanySequence() {
    }

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
