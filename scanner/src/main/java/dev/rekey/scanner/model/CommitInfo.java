package dev.rekey.scanner.model;

import java.time.Instant;

/**
 * The commit a blob or message was seen in.
 *
 * @param id full commit id
 * @param author author name
 * @param email author email
 * @param date author date
 */
public record CommitInfo(String id, String author, String email, Instant date) {}
