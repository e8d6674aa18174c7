package dev.slk.spi.schedule;

import java.util.Locale;
import java.util.Objects;

/**
 * An Amazon EventBridge schedule expression: either {@code rate(value unit)}, such as {@code
 * rate(5 minutes)}, or {@code cron(minutes hours day-of-month month day-of-week year)}, such as
 * {@code cron(0 12 ? * MON-FRI *)}.
 *
 * <p>Expressions are parsed field by field against the rules in the EventBridge documentation,
 * not matched against a regular expression, so a bad expression is rejected before deployment
 * with a message that names the wrong part and says what is allowed there, rather than with
 * EventBridge's generic "Parameter ScheduleExpression is not valid". Every instance is valid: the
 * record constructors apply the same rules as {@link #parse(String)}.
 */
public sealed interface ScheduleExpression
        permits ScheduleExpression.Rate, ScheduleExpression.Cron {

    /**
     * Parses an EventBridge schedule expression.
     *
     * @param expression the expression, e.g. {@code rate(1 hour)} or {@code cron(0/15 * * * ? *)}
     * @return the parsed expression
     * @throws InvalidScheduleException if the expression is null, blank or invalid; the message is
     *     one line saying what is wrong and what is allowed
     */
    static ScheduleExpression parse(String expression) throws InvalidScheduleException {
        return ScheduleParser.parse(expression);
    }

    /**
     * Returns the canonical text of this expression, which EventBridge accepts as is.
     *
     * @return e.g. {@code rate(5 minutes)} or {@code cron(0 12 ? * MON-FRI *)}
     */
    String expression();

    /** The unit of a {@link Rate}. */
    enum Unit {
        /** Minutes. */
        MINUTE("minute", "minutes"),
        /** Hours. */
        HOUR("hour", "hours"),
        /** Days. */
        DAY("day", "days");

        private final String singular;
        private final String plural;

        Unit(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        /**
         * Returns the word EventBridge requires when the value is 1.
         *
         * @return e.g. {@code minute}
         */
        public String singular() {
            return singular;
        }

        /**
         * Returns the word EventBridge requires when the value is greater than 1.
         *
         * @return e.g. {@code minutes}
         */
        public String plural() {
            return plural;
        }
    }

    /**
     * A fixed-rate schedule, {@code rate(value unit)}.
     *
     * @param value how many units between runs; at least 1
     * @param unit the unit of {@code value}
     */
    record Rate(long value, Unit unit) implements ScheduleExpression {

        /**
         * Checks the invariants.
         *
         * @param value how many units between runs; at least 1
         * @param unit the unit of {@code value}
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Rate {
            Objects.requireNonNull(unit, "unit");
            if (value < 1) {
                throw new IllegalArgumentException(
                        "rate value must be at least 1, but is " + value);
            }
        }

        /** {@inheritDoc} */
        @Override
        public String expression() {
            return "rate(" + value + " " + (value == 1 ? unit.singular() : unit.plural()) + ")";
        }
    }

    /**
     * A cron schedule, {@code cron(minutes hours day-of-month month day-of-week year)}, always in
     * UTC. Fields hold their text as written, upper-cased so that names such as {@code jan} and
     * {@code JAN} compare equal; exactly one of {@code dayOfMonth} and {@code dayOfWeek} is {@code
     * ?}.
     *
     * @param minutes 0-59
     * @param hours 0-23
     * @param dayOfMonth 1-31, {@code L}, {@code LW}, {@code nW} or {@code ?}
     * @param month 1-12 or JAN-DEC
     * @param dayOfWeek 1-7 or SUN-SAT, {@code L}, {@code nL}, {@code n#k} or {@code ?}
     * @param year 1970-2199
     */
    record Cron(String minutes, String hours, String dayOfMonth, String month, String dayOfWeek,
            String year) implements ScheduleExpression {

        /**
         * Upper-cases and checks the fields.
         *
         * @param minutes 0-59
         * @param hours 0-23
         * @param dayOfMonth 1-31, {@code L}, {@code LW}, {@code nW} or {@code ?}
         * @param month 1-12 or JAN-DEC
         * @param dayOfWeek 1-7 or SUN-SAT, {@code L}, {@code nL}, {@code n#k} or {@code ?}
         * @param year 1970-2199
         * @throws IllegalArgumentException if a field is invalid, with the message {@link
         *     ScheduleExpression#parse(String)} would give
         */
        public Cron {
            minutes = upper(minutes, "minutes");
            hours = upper(hours, "hours");
            dayOfMonth = upper(dayOfMonth, "dayOfMonth");
            month = upper(month, "month");
            dayOfWeek = upper(dayOfWeek, "dayOfWeek");
            year = upper(year, "year");
            try {
                CronField.validate(minutes, hours, dayOfMonth, month, dayOfWeek, year);
            } catch (InvalidScheduleException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private static String upper(String field, String name) {
            return Objects.requireNonNull(field, name).toUpperCase(Locale.ROOT);
        }

        /** {@inheritDoc} */
        @Override
        public String expression() {
            return "cron(" + String.join(" ", minutes, hours, dayOfMonth, month, dayOfWeek, year)
                    + ")";
        }
    }
}
