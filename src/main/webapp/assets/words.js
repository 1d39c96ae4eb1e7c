// The words people use for the API's values. The raw value stays in the API; the console speaks.

const WORDS = {
    SQUARE_METERS: 'square metres', SQUARE_FEET: 'square feet', HECTARES: 'hectares', ACRES: 'acres',
    SQUARE_KILOMETERS: 'square kilometres',
    FCDA_ROFO: 'FCDA Right of Occupancy', FCDA_COFO: 'FCDA Certificate of Occupancy', ROFO: 'Right of Occupancy',
    GAZETTE: 'Gazette',
    FULL: 'Full payment', PART: 'Part payment',
    ACTIVE: 'Active', DEACTIVATED: 'Deactivated', SUSPENDED: 'Suspended',
    ENQUIRY: 'Enquiry', COMPLAINT: 'Complaint', COMPLIMENT: 'Compliment',
    PLATFORM_ADMIN: 'platform operator', COMPANY_ADMIN: 'company admin', MARKETER: 'marketer', CLIENT: 'client',
    // what the activity log says happened
    REGISTERED: 'registered', INVITED: 'invited to sign in', CHANGED: 'changed', REACTIVATED: 'reactivated',
    CREATED: 'created', RENAMED: 'renamed', SEQUENCES_BACKFILLED: 'backfilled the numbering of', IMPORTED: 'imported',
    ASSIGNED: 'assigned', UNASSIGNED: 'unassigned', REASSIGNED: 'moved the clients of', PLOTS_ADDED: 'added plots to',
    ALLOCATED: 'allocated', MESSAGE_SENT: 'sent', MESSAGE_READ: 'read', MESSAGE_UNREAD: 'marked unread',
    SIGNED_IN: 'signed in', SIGNED_OUT: 'signed out', SIGN_IN_THROTTLED: 'was refused sign-in (too many attempts)',
    PASSWORD_CHANGED: 'changed the password of', PASSWORD_RESET: 'reset the password of',
    INVITATION_ACCEPTED: 'accepted the invitation of', EMAIL_CHANGE_REQUESTED: 'asked to change the email of',
    EMAIL_CHANGED: 'changed the email of', NONE: 'nobody known', SYSTEM: 'the service', SECOND_FACTOR_ON: 'turned on the second factor of', SECOND_FACTOR_RESET: 'reset the second factor of',
};

/** The audit's checks, by name, as a sentence an admin reads. */
const CHECKS = {
    duplicate_uids: 'No ID is given twice',
    uids_matching_company_role_and_number: 'Every ID carries its company’s prefix, role and number',
    sequences_not_behind: 'Numbering is ahead of every ID already given',
    numbering_without_gaps: 'Numbers run without gaps',
    assignments_within_one_company: 'Assignments stay inside one company',
    allocations_within_one_company: 'Allocations stay inside one company',
    messages_within_one_company: 'Messages stay inside one company',
    accounts_matching_their_person: 'Every login belongs to its person',
    rows_with_a_company: 'Every record belongs to a company',
    activity_log_untouched: 'The history is as it was written (nothing altered or removed)',
};

export function word(value) {
    return WORDS[value] || String(value ?? '').toLowerCase().replaceAll('_', ' ');
}

export function checkName(name) {
    return CHECKS[name] || word(name);
}

/** Options of a select for these enum values, in people's words. */
export function choices(values) {
    return values.map((value) => [value, word(value)]);
}
