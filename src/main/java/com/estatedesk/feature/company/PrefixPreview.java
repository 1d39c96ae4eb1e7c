package com.estatedesk.feature.company;

/** The prefix a company of this name would get if it were created now (taken prefixes skipped). */
public record PrefixPreview(String name, String prefix) {}
