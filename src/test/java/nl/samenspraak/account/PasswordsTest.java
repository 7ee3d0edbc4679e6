package nl.samenspraak.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Argon2 cost: strong unless a test run lowers it, and a hash checks at any cost. */
class PasswordsTest {
    @Test
    void without_the_property_new_hashes_get_owasps_argon2id_cost() {
        assertThat(Passwords.cost(null)).isEqualTo(Passwords.PRODUCTION).isEqualTo(new Passwords.Cost(19456, 2));
        assertThat(Passwords.cost(" ")).isEqualTo(Passwords.PRODUCTION);
        assertThat(Passwords.encoder(Passwords.cost(null)).encode("correct horse battery"))
                .as("the parameters a hash stores").startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void the_property_sets_memory_and_iterations_in_the_hashs_own_notation() {
        assertThat(Passwords.cost("m=8,t=1")).isEqualTo(new Passwords.Cost(8, 1));
        assertThat(Passwords.cost("m=65536,t=3")).isEqualTo(new Passwords.Cost(65536, 3));
        assertThatThrownBy(() -> Passwords.cost("fast")).hasMessageContaining("m=19456,t=2");
        assertThatThrownBy(() -> Passwords.cost("m=4,t=1")).hasMessageContaining("m >= 8");
    }

    @Test
    void a_hash_made_at_the_test_cost_checks_under_the_production_cost_and_back() {
        String cheap = Passwords.encoder(new Passwords.Cost(8, 1)).encode("een lang wachtwoord");
        String strong = Passwords.encoder(Passwords.PRODUCTION).encode("een lang wachtwoord");
        assertThat(Passwords.encoder(Passwords.PRODUCTION).matches("een lang wachtwoord", cheap)).isTrue();
        assertThat(Passwords.encoder(new Passwords.Cost(8, 1)).matches("een lang wachtwoord", strong)).isTrue();
        assertThat(Passwords.matches("een ander wachtwoord", strong)).isFalse();
    }
}
