package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;

/** Commit authors, each stored once: a history has far fewer authors than commits. */
final class People {
  private final Map<Person, Integer> indexes = new HashMap<>();
  private final List<Person> people = new ArrayList<>();

  /** A name and email. */
  record Person(String name, String email) {}

  int indexOf(PersonIdent ident) {
    return indexOf(new Person(ident.getName(), ident.getEmailAddress()));
  }

  int indexOf(Person person) {
    return indexes.computeIfAbsent(
        person,
        key -> {
          people.add(key);
          return people.size() - 1;
        });
  }

  Person get(int index) {
    return index < 0 ? new Person("", "") : people.get(index);
  }

  int size() {
    return people.size();
  }
}
