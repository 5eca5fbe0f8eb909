package de.querfunk.space.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import de.querfunk.space.SpaceRole;

/** Stores a role under its API name, which the table's check constraint lists. */
@Converter
public class SpaceRoleConverter implements AttributeConverter<SpaceRole, String> {

    @Override
    public String convertToDatabaseColumn(SpaceRole role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public SpaceRole convertToEntityAttribute(String value) {
        return value == null ? null : SpaceRole.fromWireName(value);
    }
}
