-- Cluster-wide "run once" for scheduled jobs: every instance's timer fires, the first to insert the
-- (job, day) row runs the job, the others find the row taken and skip.
CREATE TABLE scheduled_run (
    job         VARCHAR(50)  NOT NULL,
    run_on      DATE         NOT NULL,
    claimed_by  VARCHAR(200) NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_scheduled_run PRIMARY KEY (job, run_on)
);
