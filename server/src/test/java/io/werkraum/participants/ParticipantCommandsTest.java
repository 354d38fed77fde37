package io.werkraum.participants;

import static io.werkraum.testing.Commands.assertInvalid;
import static io.werkraum.testing.Commands.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input validation of the participant commands, without Vert.x or Redis. */
class ParticipantCommandsTest {
  @Test
  void aParticipantChangesNameAndOrganisationTrimmed() {
    ParticipantsFeature.Update p = (ParticipantsFeature.Update) read(
        "{'type':'participant.update','commandId':'c1','patch':{'name':' Anna ','organisation':'Stadt Jena'}}");
    assertEquals(Map.of("name", "Anna", "organisation", "Stadt Jena"), p.patch().fields());
    assertEquals(Map.of("hand", true, "ready", false), ((ParticipantsFeature.Update) read(
        "{'type':'participant.update','commandId':'c1','patch':{'hand':true,'ready':false}}")).patch().fields());
  }

  @Test
  void namesAndOrganisationsOf129AreRefused() {
    read("{'type':'participant.update','commandId':'c1','patch':{'name':'" + "N".repeat(128) + "'}}");
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'" + "N".repeat(129) + "'}}");
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'organisation':'" + "O".repeat(129) + "'}}");
  }

  @Test
  void blankMultiLineOrWrongTypedNamesAreRefused() {
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'   '}}");
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'a\\nb'}}");
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':5}}");
  }

  @Test
  void nobodyPatchesTheirRoleOrAnEmptyPatch() {
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'role':'facilitator'}}");
    assertInvalid("{'type':'participant.update','commandId':'c1','patch':{}}");
    assertInvalid("{'type':'participant.update','commandId':'c1'}");
  }

  @Test
  void removingNamesSomeone() {
    assertEquals(new ParticipantsFeature.Remove("p1"), read("{'type':'participant.remove','commandId':'c1','id':'p1'}"));
    assertInvalid("{'type':'participant.remove','commandId':'c1'}");
  }
}
