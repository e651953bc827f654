package dev.rekey.rotators.aws;

import dev.rekey.rotators.RotationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/** The IAM calls the access-key rotator makes, each classified on failure. */
final class IamKeys {
  private final Supplier<IamClient> clients;

  IamKeys(Supplier<IamClient> clients) {
    this.clients = clients;
  }

  /** The user owning a key, from {@code GetAccessKeyLastUsed}. */
  String owner(String keyId) throws RotationException {
    try (IamClient iam = clients.get()) {
      String user = iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).userName();
      if (user == null || user.isEmpty()) {
        throw RotationException.user(
            "IAM key "
                + keyId
                + " belongs to no IAM user of the admin credentials' account (a"
                + " root key or another account's): rotate it in that account");
      }
      return user;
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM GetAccessKeyLastUsed for " + keyId, e);
    }
  }

  /** The last use IAM recorded for a key (null date when never used). */
  AccessKeyLastUsed lastUsed(String keyId) throws RotationException {
    try (IamClient iam = clients.get()) {
      return iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).accessKeyLastUsed();
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM GetAccessKeyLastUsed for " + keyId, e);
    }
  }

  List<AccessKeyMetadata> list(String user) throws RotationException {
    try (IamClient iam = clients.get()) {
      return new ArrayList<>(iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata());
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM ListAccessKeys for user " + user, e);
    }
  }

  AccessKey create(String user) throws RotationException {
    try (IamClient iam = clients.get()) {
      return iam.createAccessKey(r -> r.userName(user)).accessKey();
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM CreateAccessKey for user " + user, e);
    }
  }

  void setStatus(String user, String keyId, StatusType status) throws RotationException {
    try (IamClient iam = clients.get()) {
      iam.updateAccessKey(r -> r.userName(user).accessKeyId(keyId).status(status));
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM UpdateAccessKey " + keyId + " to " + status, e);
    }
  }

  /** Deletes a key; a key already gone is fine. */
  void delete(String user, String keyId) throws RotationException {
    try (IamClient iam = clients.get()) {
      iam.deleteAccessKey(r -> r.userName(user).accessKeyId(keyId));
    } catch (NoSuchEntityException e) {
      // Deleted by an earlier attempt whose answer was lost.
    } catch (SdkException e) {
      throw AwsErrors.classify("IAM DeleteAccessKey " + keyId, e);
    }
  }

  /** Deletes the keys not in {@code known}: made by an attempt that crashed before storing them. */
  List<AccessKeyMetadata> deleteOrphans(
      String user, List<AccessKeyMetadata> present, Set<String> known) throws RotationException {
    List<AccessKeyMetadata> kept = new ArrayList<>();
    for (AccessKeyMetadata key : present) {
      if (known.contains(key.accessKeyId())) {
        kept.add(key);
      } else {
        delete(user, key.accessKeyId());
      }
    }
    return kept;
  }

  static String ids(List<AccessKeyMetadata> keys) {
    return keys.stream().map(AccessKeyMetadata::accessKeyId).collect(Collectors.joining(","));
  }
}
