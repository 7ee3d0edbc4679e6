package nl.samenspraak.db;

import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;

/**
 * Closed sets are stored by their lower-case key ("admin", "client"); this maps a column back to the
 * enum constant of that name in any case, for every enum, so that the database layer need not know
 * the features' enums (Jdbi's own enum mapping matches the exact name only).
 */
final class EnumKeys implements ColumnMapperFactory {
    @Override
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
        if (!(type instanceof Class<?> c) || !c.isEnum()) return Optional.empty();
        return Optional.of(mapperFor(c));
    }

    private static <E extends Enum<E>> ColumnMapper<?> mapperFor(Class<?> raw) {
        @SuppressWarnings("unchecked") Class<E> type = (Class<E>) raw;
        return (rs, col, ctx) -> {
            String key = rs.getString(col);
            return key == null ? null : Enum.valueOf(type, key.trim().toUpperCase(Locale.ROOT));
        };
    }
}
