package dev.slk.spi.schedule;

/** Recognises the form of an expression and parses a rate; {@link CronField} checks cron fields. */
final class ScheduleParser {
    private static final String FORMS = "use rate(value unit), e.g. rate(5 minutes), or"
            + " cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 12 * * ? *)";

    private ScheduleParser() {}

    static ScheduleExpression parse(String expression) throws InvalidScheduleException {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("Schedule expression is empty; " + FORMS);
        }
        if (expression.startsWith("rate(")) {
            return parseRate(body(expression, "rate"));
        }
        if (expression.startsWith("cron(")) {
            return parseCron(body(expression, "cron"));
        }
        throw new InvalidScheduleException(
                "Schedule expression '" + expression + "' is not recognised; " + FORMS);
    }

    private static String body(String expression, String keyword) throws InvalidScheduleException {
        if (!expression.endsWith(")")) {
            throw new InvalidScheduleException(
                    keyword + " expression '" + expression + "' must end with ')'");
        }
        String body = expression.substring(keyword.length() + 1, expression.length() - 1);
        if (body.indexOf('(') >= 0 || body.indexOf(')') >= 0) {
            throw new InvalidScheduleException(keyword + " expression '" + expression
                    + "' must have exactly one pair of parentheses");
        }
        return body;
    }

    private static ScheduleExpression.Rate parseRate(String body) throws InvalidScheduleException {
        int space = body.indexOf(' ');
        if (space <= 0 || space == body.length() - 1 || body.indexOf(' ', space + 1) >= 0) {
            throw new InvalidScheduleException("rate expression 'rate(" + body
                    + ")' must be a value and a unit separated by one space, e.g. rate(5 minutes)");
        }
        long value = rateValue(body.substring(0, space));
        String word = body.substring(space + 1);
        ScheduleExpression.Unit unit = rateUnit(word);
        boolean singular = word.equals(unit.singular());
        if (value == 1 && !singular) {
            throw new InvalidScheduleException("rate unit '" + word + "' must be singular when the"
                    + " value is 1; use rate(1 " + unit.singular() + ")");
        }
        if (value != 1 && singular) {
            throw new InvalidScheduleException("rate unit '" + word + "' must be plural when the"
                    + " value is " + value + "; use rate(" + value + " " + unit.plural() + ")");
        }
        return new ScheduleExpression.Rate(value, unit);
    }

    private static long rateValue(String text) throws InvalidScheduleException {
        if (!CronField.isDigits(text)) {
            throw new InvalidScheduleException("rate value '" + text
                    + "' must be a whole number of at least 1, written with the digits 0-9 only");
        }
        if (text.chars().allMatch(c -> c == '0')) {
            throw new InvalidScheduleException("rate value must be at least 1, but is " + text);
        }
        // Rejected rather than normalised: the canonical text would differ from what was written.
        if (text.charAt(0) == '0') {
            throw new InvalidScheduleException(
                    "rate value '" + text + "' must not have leading zeros");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(
                    "rate value " + text + " is too large; the largest is " + Long.MAX_VALUE);
        }
    }

    private static ScheduleExpression.Unit rateUnit(String word) throws InvalidScheduleException {
        for (ScheduleExpression.Unit unit : ScheduleExpression.Unit.values()) {
            if (word.equals(unit.singular()) || word.equals(unit.plural())) {
                return unit;
            }
        }
        throw new InvalidScheduleException("rate unit '" + word
                + "' is not supported; use minute, minutes, hour, hours, day or days");
    }

    private static ScheduleExpression.Cron parseCron(String body) throws InvalidScheduleException {
        if (body.startsWith(" ") || body.endsWith(" ")) {
            throw new InvalidScheduleException("cron expression 'cron(" + body
                    + ")' must not have spaces just inside the parentheses");
        }
        String[] fields = body.isEmpty() ? new String[0] : body.split(" +");
        if (fields.length != 6) {
            // Unix cron has five fields, so a missing year is the likely mistake worth naming.
            String hint = fields.length == 5
                    ? "; EventBridge also needs the year field, e.g. cron(0 12 * * ? *)"
                    : "";
            throw new InvalidScheduleException("cron expression needs 6 fields (minutes hours"
                    + " day-of-month month day-of-week year) but has " + fields.length + hint);
        }
        CronField.validate(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        return new ScheduleExpression.Cron(
                fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }
}
