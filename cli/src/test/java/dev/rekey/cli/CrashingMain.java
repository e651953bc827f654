package dev.rekey.cli;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * rekey that crashes: {@code CrashingMain N ARGS…} runs {@code rekey ARGS…} and halts the process —
 * no shutdown hooks, no flushing, as if killed — right after the N-th journal entry it writes is
 * durable. The fault-injection test stops a run at every step boundary with it and proves that
 * {@code --resume} reaches the same end state. Test code: production rekey has no such switch.
 */
final class CrashingMain {
  static final int HALT_STATUS = 86;

  private CrashingMain() {}

  public static void main(String[] args) {
    int after = Integer.parseInt(args[0]);
    AtomicInteger written = new AtomicInteger();
    int code =
        Main.run(
            Arrays.copyOfRange(args, 1, args.length),
            System.out,
            System.err,
            System.getenv(),
            entry -> {
              if (written.incrementAndGet() == after) {
                Runtime.getRuntime().halt(HALT_STATUS);
              }
            });
    System.exit(code);
  }
}
