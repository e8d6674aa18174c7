package dev.slk.spi.schedule;

import java.util.List;
import java.util.Locale;

/** The six fields of an EventBridge cron expression and the syntax each one accepts. */
enum CronField {
    MINUTES("minutes", 0, 59, List.of()),
    HOURS("hours", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of(
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")),
    YEAR("year", 1970, 2199, List.of());

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** Checks every field, then the EventBridge rule that only one of the two day fields is set. */
    static void validate(String minutes, String hours, String dayOfMonth, String month,
            String dayOfWeek, String year) throws InvalidScheduleException {
        MINUTES.check(minutes);
        HOURS.check(hours);
        DAY_OF_MONTH.check(dayOfMonth);
        MONTH.check(month);
        DAY_OF_WEEK.check(dayOfWeek);
        YEAR.check(year);
        boolean anyDayOfMonth = dayOfMonth.equals("?");
        boolean anyDayOfWeek = dayOfWeek.equals("?");
        if (anyDayOfMonth && anyDayOfWeek) {
            throw new InvalidScheduleException("cron day-of-month and day-of-week fields are both"
                    + " '?'; exactly one of them must be '?' and the other must say which days");
        }
        if (!anyDayOfMonth && !anyDayOfWeek) {
            throw new InvalidScheduleException("cron day-of-month and day-of-week fields are both"
                    + " set ('" + dayOfMonth + "' and '" + dayOfWeek + "'); EventBridge cannot"
                    + " use both, so set one of them to '?'");
        }
    }

    /**
     * True if {@code text} is one or more of the ASCII digits; {@link Character#isDigit} is not
     * used because it also accepts other scripts' digits, which EventBridge does not.
     */
    static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private void check(String text) throws InvalidScheduleException {
        if (text.isEmpty()) {
            throw error("the field is empty; allowed " + allowed());
        }
        for (char c : text.toCharArray()) {
            if (!(c < 128 && Character.isLetterOrDigit(c)) && ",-*/?#".indexOf(c) < 0) {
                throw error("'" + text + "' contains '" + c + "', which is not allowed in a cron"
                        + " field");
            }
        }
        if (text.indexOf('?') >= 0) {
            if (!isDayField()) {
                throw error("'?' is only allowed in day-of-month or day-of-week");
            }
            if (!text.equals("?")) {
                throw error("'?' must be the whole field, not part of '" + text + "'");
            }
            return;
        }
        String[] items = text.split(",", -1);
        for (String item : items) {
            if (item.isEmpty()) {
                throw error("'" + text + "' has an empty item in its list");
            }
            if (isSpecial(item)) {
                if (items.length > 1) {
                    throw error("'" + item + "' cannot be combined with other values in a list");
                }
                checkSpecial(item);
            } else {
                checkItem(item);
            }
        }
    }

    private boolean isDayField() {
        return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
    }

    /** True for the L, W and # forms; no month or day name starts or ends in a way that clashes. */
    private boolean isSpecial(String item) {
        String upper = item.toUpperCase(Locale.ROOT);
        return switch (this) {
            case DAY_OF_MONTH -> upper.startsWith("L") || upper.endsWith("W");
            case DAY_OF_WEEK -> upper.endsWith("L") || upper.indexOf('#') >= 0;
            default -> false;
        };
    }

    private void checkSpecial(String item) throws InvalidScheduleException {
        String upper = item.toUpperCase(Locale.ROOT);
        if (upper.equals("L") || this == DAY_OF_MONTH && upper.equals("LW")) {
            return;
        }
        if (this == DAY_OF_MONTH && upper.endsWith("W")) {
            String day = item.substring(0, item.length() - 1);
            if (!isDigits(day)) {
                throw error("'" + item + "' must be a day number followed by W, e.g. 15W, or LW");
            }
            number(day);
        } else if (this == DAY_OF_MONTH) {
            throw error("'" + item + "' is not supported; use L for the last day of the month or"
                    + " LW for its last weekday");
        } else if (upper.indexOf('#') >= 0) {
            String[] parts = item.split("#", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw error("'" + item + "' must be a day and an occurrence, e.g. 3#2 for the"
                        + " second Tuesday of the month");
            }
            value(parts[0]);
            if (!isDigits(parts[1]) || toInt(parts[1]) < 1 || toInt(parts[1]) > 5) {
                throw error("'" + item + "' asks for occurrence " + parts[1] + " of the day;"
                        + " allowed 1-5");
            }
        } else {
            value(item.substring(0, item.length() - 1));
        }
    }

    /** A value, a range or {@code *}, each optionally followed by {@code /increment}. */
    private void checkItem(String item) throws InvalidScheduleException {
        if (item.indexOf('#') >= 0) {
            throw error("'#' is only allowed in day-of-week, e.g. 3#2");
        }
        int slash = item.indexOf('/');
        String base = slash < 0 ? item : item.substring(0, slash);
        if (slash >= 0) {
            if (base.isEmpty()) {
                throw error("'" + item + "' needs a start before '/', e.g. */5 or " + min + "/5");
            }
            checkIncrement(item, item.substring(slash + 1));
        }
        if (base.equals("*")) {
            return;
        }
        int dash = base.indexOf('-');
        if (dash < 0) {
            value(base);
            return;
        }
        String startText = base.substring(0, dash);
        String endText = base.substring(dash + 1);
        if (startText.isEmpty() || endText.isEmpty()) {
            throw error("range '" + base + "' needs a start and an end; allowed " + allowed());
        }
        int start = value(startText);
        int end = value(endText);
        // EventBridge does not wrap around, so FRI-MON is a mistake rather than a weekend.
        if (start > end) {
            throw error("range '" + base + "' starts after it ends; write the smaller value first");
        }
    }

    /**
     * An increment larger than the distance between the field's first and last values could
     * never fire twice, so it is almost certainly a mistake.
     */
    private void checkIncrement(String item, String increment) throws InvalidScheduleException {
        int span = max - min;
        if (!isDigits(increment)) {
            throw error("increment in '" + item + "' must be a whole number from 1 to " + span);
        }
        int step = toInt(increment);
        if (step < 1 || step > span) {
            throw error("increment " + increment + " in '" + item + "' is out of range 1-" + span);
        }
    }

    /** A number or, for month and day-of-week, a name; returns the number. */
    private int value(String text) throws InvalidScheduleException {
        if (isDigits(text)) {
            return number(text);
        }
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return min + index;
        }
        String what = switch (this) {
            case MONTH -> "a number or a month name";
            case DAY_OF_WEEK -> "a number or a day name";
            default -> "a number";
        };
        throw error("'" + text + "' is not " + what + "; allowed " + allowed());
    }

    private int number(String digits) throws InvalidScheduleException {
        int number = toInt(digits);
        if (number < min || number > max) {
            throw error(digits + " is out of range " + allowed());
        }
        return number;
    }

    /** Digits too many for an int are out of every field's range, so any too-large int will do. */
    private static int toInt(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private String allowed() {
        String range = min + "-" + max;
        return names.isEmpty()
                ? range
                : range + " or " + names.get(0) + "-" + names.get(names.size() - 1);
    }

    private InvalidScheduleException error(String detail) {
        return new InvalidScheduleException("cron " + label + " field: " + detail);
    }
}
