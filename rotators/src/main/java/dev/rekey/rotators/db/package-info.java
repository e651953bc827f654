/** PostgreSQL and MySQL/MariaDB passwords found in connection URLs: fully automated rotators. */
@NullMarked
package dev.rekey.rotators.db;

import org.jspecify.annotations.NullMarked;
