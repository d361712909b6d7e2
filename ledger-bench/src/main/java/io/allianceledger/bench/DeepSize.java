package io.allianceledger.bench;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An estimate of the heap an object graph holds, by walking its fields: arrays exactly (16-byte header plus
 * elements, 8-byte aligned), other objects as a 12-byte header plus their fields (4-byte references, compressed
 * oops), 8-byte aligned. Used only to split a measured total by structure; the total itself is measured from the
 * heap after a full GC.
 */
final class DeepSize {
    private static final String PROJECT = "io.allianceledger.";
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> enter;

    /**
     * @param enter simple names of the project's classes a walk enters (storage: tables, heaps, indexes); other
     *              project objects (owners, undo logs, the machine) are not entered, except each walk's root, so a
     *              walk counts one store and not everything it points back to. Library and JDK objects are entered.
     */
    DeepSize(final String... enter) {
        this.enter = Set.of(enter);
    }

    /**
     * @param root where to start.
     * @return bytes reachable from it that no earlier walk of this instance counted.
     */
    long of(final Object root) {
        long total = 0;
        final ArrayDeque<Object> todo = new ArrayDeque<>();
        if (root != null && seen.add(root)) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            final Object o = todo.pop();
            final Class<?> c = o.getClass();
            if (c.isArray()) {
                final Class<?> component = c.getComponentType();
                final int length = Array.getLength(o);
                total += align(16L + (long)length * width(component));
                if (!component.isPrimitive()) {
                    for (int i = 0; i < length; i++) {
                        push(todo, Array.get(o, i), root);
                    }
                }
                continue;
            }
            long size = 12;
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (final Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    size += width(f.getType());
                    if (!f.getType().isPrimitive()) {
                        try {
                            f.setAccessible(true);
                            push(todo, f.get(o), root);
                        } catch (final RuntimeException | IllegalAccessException e) {
                            // not open to us: counted shallow
                        }
                    }
                }
            }
            total += align(size);
        }
        return total;
    }

    private void push(final ArrayDeque<Object> todo, final Object o, final Object root) {
        if (o == null || o instanceof Class || o == root) {
            return;
        }
        final Class<?> c = o.getClass();
        if (c.getName().startsWith(PROJECT) && !c.isArray() && !enter.contains(c.getSimpleName())) {
            return;
        }
        if (seen.add(o)) {
            todo.push(o);
        }
    }

    private static int width(final Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        if (type == byte.class || type == boolean.class) {
            return 1;
        }
        return 4;
    }

    private static long align(final long size) {
        return (size + 7) & ~7L;
    }

    /**
     * @param owner an object.
     * @param name  the name of one of its fields, declared by its class.
     * @return the field's value.
     */
    static Object field(final Object owner, final String name) {
        try {
            final Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (final ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("no field " + name + " in " + owner.getClass().getName()
                + ": the memory breakdown follows the engine's internals and must be updated with them", e);
        }
    }
}
