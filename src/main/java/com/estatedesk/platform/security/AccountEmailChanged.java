package com.estatedesk.platform.security;

/**
 * Fired, in the transaction that changes it, when a company login's email changes: the person behind the
 * login (a feature above this tier) follows it.
 */
public record AccountEmailChanged(long accountId, String newEmail) {}
