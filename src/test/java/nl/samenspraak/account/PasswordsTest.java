package nl.samenspraak.account;

import nl.samenspraak.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.util.Base64;
import java.util.List;

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

    @Test
    void the_decoy_is_written_in_the_encoders_own_notation_at_this_processs_cost() {
        String real = Passwords.hash("een lang wachtwoord");
        String[] parts = real.split("\\$");
        Base64.Decoder b64 = Base64.getDecoder();
        assertThat(Passwords.format(Passwords.cost(), b64.decode(parts[4]), b64.decode(parts[5])))
                .as("the notation, rebuilt from a real hash's salt and hash bytes, is that hash").isEqualTo(real);
        String[] decoy = Passwords.decoy().split("\\$");
        assertThat(String.join("$", List.of(decoy).subList(0, 4))).as("same algorithm, version and cost as a new hash")
                .isEqualTo(String.join("$", List.of(parts).subList(0, 4)));
        assertThat(b64.decode(decoy[4])).hasSize(16);
        assertThat(b64.decode(decoy[5])).hasSize(32);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_ERR)
    void a_check_against_the_decoy_is_a_full_argon2_check_not_a_refused_hash() {
        try (LogCapture log = LogCapture.start()) {
            assertThat(Passwords.matches("een lang wachtwoord", "$argon2id$kapot")).as("the control: a malformed hash").isFalse();
            assertThat(log.text()).as("the encoder says when it refuses a hash without checking").contains("Malformed password hash");
        }
        try (LogCapture log = LogCapture.start()) {
            Passwords.checkWithoutUser("een lang wachtwoord");
            assertThat(Passwords.matches("een lang wachtwoord", Passwords.decoy())).isFalse();
            assertThat(log.text()).doesNotContain("Malformed");
        }
    }
}
