package com.licenseflow.inventory;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * Moving thousands of licenses in chunks, what a takeover and a centralization share. Seats on the
 * target are reserved for every user up front ({@link LicenseLedger#reserveSeats}), so nobody takes
 * them mid-move; each chunk is one {@link LicenseLedger#move} in a transaction of its own (a job of
 * the process), so a crash between chunks loses nothing and the next chunk starts above the last
 * one that committed.
 */
@Component
public class ChunkedMove {

    /** The most users one chunk (one transaction) handles. */
    public static final int MAX_CHUNK_SIZE = 5_000;

    private final LicenseLedger ledger;

    public ChunkedMove(LicenseLedger ledger) {
        this.ledger = ledger;
    }

    /** Refuses a chunk size outside 1 to {@link #MAX_CHUNK_SIZE}; {@code what} names where it came from. */
    public static void requireChunkSize(int chunkSize, String what) {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw Rule.INVALID_INPUT.violation(what + " must be between 1 and " + MAX_CHUNK_SIZE + " users per chunk, "
                    + "not " + chunkSize + ".");
        }
    }

    /** What one chunk did, and the seats it needed beyond the reservation. */
    public record ChunkResult(int removed, int assigned, int extraSeats) {}

    /**
     * Moves one chunk. The seats were reserved up front ({@code reservedUnused} of them are left); only
     * a user who lost the target product since then needs one more, taken here, or the chunk is refused
     * with {@code whenShort} of the seats missing and rolls back whole.
     */
    public ChunkResult moveChunk(
            ChangeContext context, LicenseLedger.LicenseMove move, int reservedUnused, IntFunction<String> whenShort) {
        LicenseLedger.MoveResult moved = ledger.move(context, move);
        int extra = Math.max(0, moved.assigned() - reservedUnused);
        if (extra > 0 && !ledger.takeSeats(move.targetSubscriptionId(), extra)) {
            throw Rule.NOT_ENOUGH_SEATS.violation(whenShort.apply(extra));
        }
        return new ChunkResult(moved.removed(), moved.assigned(), extra);
    }
}
