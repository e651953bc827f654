package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Provenance;

/** The blobs a history scan reads, each with the place it was first seen at. */
interface BlobPlaces {
  /** The blobs, each with the commit (as the lister numbers them) and path it was first seen at. */
  BlobTable blobs();

  /** Where blob {@code index} of {@link #blobs()} was first seen. */
  Provenance provenance(int index);

  /** The blob's path (or id, outside any commit), for messages. */
  default String where(int index) {
    BlobTable blobs = blobs();
    return blobs.commit(index) >= 0 ? blobs.path(index) : blobs.id(index).name();
  }
}
