package com.estatedesk.feature.company;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Derives a company's uid prefix and slug from its name (SPEC §1) and picks the first free one.
 * Pure functions: the service supplies what is already taken.
 */
public final class CompanyNaming {

    /** An explicit prefix: 2–6 letters A–Z, optionally followed by digits. */
    public static final String EXPLICIT_PREFIX_REGEX = "[A-Z]{2,6}[0-9]{0,6}";

    public static final String EXPLICIT_PREFIX_RULE = "must be 2 to 6 letters A-Z, optionally followed by digits";
    public static final Pattern EXPLICIT_PREFIX = Pattern.compile(EXPLICIT_PREFIX_REGEX);

    /** Letters that Unicode decomposition does not fold to A–Z. */
    private static final Map<Character, String> SPECIAL_LETTERS = Map.of(
            'ß', "SS", 'Ø', "O", 'ø', "O", 'Æ', "AE", 'æ', "AE", 'Œ', "OE", 'œ', "OE", 'Ł', "L", 'ł', "L", 'Đ', "D");

    private CompanyNaming() {}

    /**
     * The first letters of the first three words that start with a letter; with only one such word,
     * its first three letters. Empty when that yields fewer than two letters.
     */
    public static Optional<String> derivePrefix(String name) {
        List<String> words = new ArrayList<>();
        for (String word : foldToAscii(name).toUpperCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && isAsciiLetter(word.charAt(0))) {
                words.add(word);
            }
        }
        StringBuilder prefix = new StringBuilder();
        if (words.size() == 1) {
            word:
            for (char c : words.get(0).toCharArray()) {
                if (isAsciiLetter(c)) {
                    prefix.append(c);
                    if (prefix.length() == 3) {
                        break word;
                    }
                }
            }
        } else {
            words.stream().limit(3).forEach(word -> prefix.append(word.charAt(0)));
        }
        return prefix.length() >= 2 ? Optional.of(prefix.toString()) : Optional.empty();
    }

    /** {@code base} if free, else the first free of base2, base3, … */
    public static String firstFreePrefix(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Lower-case ASCII words joined by hyphens: "Lamba Property Ltd." → "lamba-property-ltd". */
    public static String deriveSlug(String name) {
        String slug = foldToAscii(name)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "company" : slug;
    }

    public static String firstFreeSlug(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    static String foldToAscii(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            String special = SPECIAL_LETTERS.get(c);
            folded.append(special != null ? special : String.valueOf(c));
        }
        return Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
