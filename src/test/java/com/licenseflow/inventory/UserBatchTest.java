package com.licenseflow.inventory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.assignment.UserBatch;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserBatchTest {

    private static List<String> users(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "u" + i).toList();
    }

    @Test
    void twentyIsTheLimit() {
        assertThatCode(() -> UserBatch.validate(users(20))).doesNotThrowAnyException();
        assertThatThrownBy(() -> UserBatch.validate(users(21))).hasMessageContaining("at most 20");
    }

    @Test
    void emptyBlankAndRepeatedNamesAreRefused() {
        assertThatThrownBy(() -> UserBatch.validate(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> UserBatch.validate(Arrays.asList("a", null))).hasMessageContaining("empty");
        assertThatThrownBy(() -> UserBatch.validate(List.of("a", " "))).hasMessageContaining("empty");
        assertThatThrownBy(() -> UserBatch.validate(List.of("a", "b", "a")))
                .hasMessageContaining("'a' is in the list twice");
    }
}
