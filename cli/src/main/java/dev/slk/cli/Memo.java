package dev.slk.cli;

import java.util.function.Supplier;

/** A supplier that computes its value once; commands share one module discovery per run. */
final class Memo<T> implements Supplier<T> {
    private final Supplier<T> delegate;
    private T value;

    private Memo(Supplier<T> delegate) {
        this.delegate = delegate;
    }

    static <T> Supplier<T> of(Supplier<T> delegate) {
        return new Memo<>(delegate);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = delegate.get();
        }
        return value;
    }
}
