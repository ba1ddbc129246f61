package io.posegate.gateway.pipeline;

import java.util.TreeSet;

/**
 * Keeps one stream's frames in order at the end of the pipeline while several workers work on them at
 * once (pre-processing frame n+1 and grouping frame n-1 while frame n is in the network): each frame
 * taken gets a ticket, and tracking and publishing wait until every earlier ticket has finished. A ticket
 * is finished exactly once, whether its frame succeeded, failed or its worker was abandoned; finishing
 * one that was already passed is ignored.
 */
final class FrameTurns {
    private final TreeSet<Long> finishedEarly = new TreeSet<>();
    private long issued;
    private long next;

    /** A ticket for the frame just taken; call under the stream's claim so tickets follow frame order. */
    synchronized long issue() {
        return issued++;
    }

    /** Blocks until every ticket before {@code ticket} has finished. */
    synchronized void await(long ticket) throws InterruptedException {
        while (next < ticket) {
            wait();
        }
    }

    /** Marks {@code ticket} finished, letting later frames through once all before it are too. */
    synchronized void finish(long ticket) {
        if (ticket < next) {
            return;
        }
        finishedEarly.add(ticket);
        while (finishedEarly.remove(next)) {
            next++;
        }
        notifyAll();
    }
}
