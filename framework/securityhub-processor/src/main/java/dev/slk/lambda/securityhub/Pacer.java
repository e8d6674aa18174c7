package dev.slk.lambda.securityhub;

/** Time for retry decisions; tests replace it to run backoffs without sleeping. */
interface Pacer {
    /** @return the current time in milliseconds */
    long now();

    /** Waits; an interrupt ends the wait early and is kept on the thread. */
    void sleep(long millis);

    /** The system clock and {@link Thread#sleep}. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long now() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };
}
