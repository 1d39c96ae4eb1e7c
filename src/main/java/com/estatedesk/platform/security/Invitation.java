package com.estatedesk.platform.security;

import java.time.Instant;

/**
 * A new invitation: the link, shown to the inviting admin this once (to pass on by hand, in a chat app
 * say), and whether it was also emailed to the person.
 */
public record Invitation(String invitationUrl, Instant expiresAt, boolean emailed) {}
