package de.querfunk.space.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import de.querfunk.space.SpaceKind;

/** Stores a kind under its API name, which the table's check constraint lists. */
@Converter
public class SpaceKindConverter implements AttributeConverter<SpaceKind, String> {

    @Override
    public String convertToDatabaseColumn(SpaceKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public SpaceKind convertToEntityAttribute(String value) {
        return value == null ? null : SpaceKind.fromWireName(value);
    }
}
