package nl.samenspraak.db;

import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a Java boolean as the integer 1 or 0, as the flag columns hold it on both stores ({@code INTEGER ...
 * CHECK (x IN (0,1))}). SQLite's driver does that itself; PostgreSQL's sends a boolean, which an integer
 * column refuses. Reading is alike on both: {@code getBoolean} of 1 is true.
 */
final class IntegerBooleans implements ArgumentFactory.Preparable {
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        if (type != boolean.class && type != Boolean.class) return Optional.empty();
        return Optional.of(value -> value == null
                ? (position, statement, context) -> statement.setNull(position, Types.INTEGER)
                : (position, statement, context) -> statement.setInt(position, (Boolean) value ? 1 : 0));
    }

    @Override
    public Collection<Type> prePreparedTypes() {
        return List.of(boolean.class, Boolean.class);
    }
}
