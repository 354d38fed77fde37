package io.werkraum.board;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkraum.board.Command.*;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input validation of every command, without Vert.x or Redis: accepted whole or rejected whole. */
class CommandParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static Command parse(String text) {
    return CommandParser.parse(json(text));
  }

  static ObjectNode noteCreate() {
    return (ObjectNode) json("{'type':'note.create','commandId':'c1','room':'main',"
        + "'note':{'id':'n1','x':10,'y':-20}}");
  }

  static ObjectNode note(ObjectNode command) {
    return (ObjectNode) command.get("note");
  }

  static ObjectNode noteUpdate(String patch) {
    return (ObjectNode) json("{'type':'note.update','commandId':'c1','room':'main','id':'n1','patch':" + patch + "}");
  }

  static ObjectNode sectionCreate() {
    return (ObjectNode) json("{'type':'section.create','commandId':'c1','room':'main',"
        + "'section':{'id':'s1','x':0,'y':0,'w':400,'h':300,'title':'Ideen'}}");
  }

  static void assertRejected(ErrorCode code, JsonNode body) {
    Rejection r = assertThrows(Rejection.class, () -> CommandParser.parse(body), body.toString());
    assertEquals(code, r.code(), r.getMessage());
    assertNotNull(r.getMessage());
  }

  static void assertInvalid(JsonNode body) {
    assertRejected(ErrorCode.INVALID_INPUT, body);
  }

  static void assertInvalid(String body) {
    assertInvalid(json(body));
  }

  static String repeat(String s, int n) {
    return s.repeat(n);
  }

  @Nested
  class EachCommandType {
    @Test
    void noteCreateWithAllFields() {
      ObjectNode c = noteCreate();
      note(c).put("w", 120).put("h", 80.5).put("color", "teal").put("text", "Jugendhilfe\nPlanung");
      CreateNote n = (CreateNote) CommandParser.parse(c);
      assertEquals("c1", n.commandId());
      assertEquals("main", n.room());
      assertEquals(new NoteDraft("n1", 10, -20, 120, 80.5, "teal", "Jugendhilfe\nPlanung"), n.note());
    }

    @Test
    void noteCreateDefaults() {
      CreateNote n = (CreateNote) CommandParser.parse(noteCreate());
      assertEquals(200, n.note().w());
      assertEquals(200, n.note().h());
      assertEquals("yellow", n.note().color());
      assertEquals("", n.note().text());
    }

    @Test
    void noteUpdateKeepsOnlyGivenFields() {
      UpdateNote u = (UpdateNote) CommandParser.parse(noteUpdate("{'text':'neu','x':5}"));
      assertEquals("n1", u.id());
      assertEquals("main", u.room());
      assertEquals(Map.of("text", "neu", "x", 5.0), u.patch().fields());
    }

    @Test
    void noteUpdateMoveResizeColour() {
      assertEquals(Map.of("x", 1.0, "y", 2.0),
          ((UpdateNote) CommandParser.parse(noteUpdate("{'x':1,'y':2}"))).patch().fields());
      assertEquals(Map.of("w", 300.0, "h", 40.0),
          ((UpdateNote) CommandParser.parse(noteUpdate("{'w':300,'h':40}"))).patch().fields());
      assertEquals(Map.of("color", "pink"),
          ((UpdateNote) CommandParser.parse(noteUpdate("{'color':'pink'}"))).patch().fields());
    }

    @Test
    void noteDelete() {
      assertEquals(new DeleteNote("c1", "main", "n1"),
          parse("{'type':'note.delete','commandId':'c1','room':'main','id':'n1'}"));
    }

    @Test
    void sectionCreate() {
      CreateSection s = (CreateSection) CommandParser.parse(CommandParserTest.sectionCreate());
      assertEquals(new SectionDraft("s1", 0, 0, 400, 300, "Ideen"), s.section());
    }

    @Test
    void sectionCreateTitleDefaultsToEmptyAndIsTrimmed() {
      ObjectNode c = CommandParserTest.sectionCreate();
      ((ObjectNode) c.get("section")).remove("title");
      assertEquals("", ((CreateSection) CommandParser.parse(c)).section().title());
      ((ObjectNode) c.get("section")).put("title", "  Ziele  ");
      assertEquals("Ziele", ((CreateSection) CommandParser.parse(c)).section().title());
    }

    @Test
    void sectionUpdateAndDelete() {
      UpdateSection u = (UpdateSection) parse(
          "{'type':'section.update','commandId':'c2','room':'main','id':'s1','patch':{'title':'Ziele','x':3,'w':800}}");
      assertEquals(Map.of("title", "Ziele", "x", 3.0, "w", 800.0), u.patch().fields());
      assertEquals(new DeleteSection("c3", "main", "s1"),
          parse("{'type':'section.delete','commandId':'c3','room':'main','id':'s1'}"));
    }

    @Test
    void participantUpdate() {
      UpdateParticipant p = (UpdateParticipant) parse(
          "{'type':'participant.update','commandId':'c1','patch':{'name':' Anna ','organisation':'Stadt Jena'}}");
      assertEquals(Map.of("name", "Anna", "organisation", "Stadt Jena"), p.patch().fields());
      assertNull(p.room());
    }

    @Test
    void syncWithAndWithoutSequenceNumbers() {
      assertEquals(new Sync("c1", "main", null, null), parse("{'type':'sync','commandId':'c1','room':'main'}"));
      assertEquals(new Sync("c1", "main", 3L, 0L),
          parse("{'type':'sync','commandId':'c1','room':'main','boardSeq':3,'roomSeq':0}"));
    }

    @Test
    void syncRejectsNegativeOrFractionalSequence() {
      assertInvalid("{'type':'sync','commandId':'c1','room':'main','roomSeq':-1}");
      assertInvalid("{'type':'sync','commandId':'c1','room':'main','roomSeq':1.5}");
      assertInvalid("{'type':'sync','commandId':'c1','room':'main','boardSeq':'3'}");
    }
  }

  @Nested
  class Rejections {
    @Test
    void bodyNotAnObject() {
      assertInvalid("'note.create'");
      assertInvalid("[1,2]");
      assertInvalid("42");
      assertInvalid(JSON.nullNode());
      assertThrows(Rejection.class, () -> CommandParser.parse(null));
    }

    @Test
    void unknownCommandType() {
      assertRejected(ErrorCode.UNKNOWN_COMMAND, json("{'type':'note.explode','commandId':'c1'}"));
      assertRejected(ErrorCode.UNKNOWN_COMMAND, json("{'type':'board.explode','commandId':'c1','room':'main'}"));
    }

    @Test
    void missingFields() {
      assertInvalid("{'commandId':'c1','room':'main','note':{'id':'n1','x':0,'y':0}}");
      assertInvalid("{'type':'note.create','room':'main','note':{'id':'n1','x':0,'y':0}}");
      assertInvalid("{'type':'note.create','commandId':'c1','note':{'id':'n1','x':0,'y':0}}");
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main'}");
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main','note':{'x':0,'y':0}}");
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main','note':{'id':'n1','y':0}}");
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main','note':{'id':'n1','x':0}}");
      assertInvalid("{'type':'note.update','commandId':'c1','room':'main','patch':{'x':1}}");
      assertInvalid("{'type':'note.update','commandId':'c1','room':'main','id':'n1'}");
      assertInvalid("{'type':'note.delete','commandId':'c1','room':'main'}");
      assertInvalid("{'type':'section.create','commandId':'c1','room':'main','section':{'id':'s1','x':0,'y':0,'w':100}}");
      assertInvalid("{'type':'participant.update','commandId':'c1'}");
      assertInvalid("{'type':'sync','commandId':'c1'}");
    }

    @Test
    void nullCountsAsMissing() {
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main','note':{'id':'n1','x':null,'y':0}}");
      assertInvalid("{'type':'note.create','commandId':null,'room':'main','note':{'id':'n1','x':0,'y':0}}");
    }

    @Test
    void wrongTypes() {
      ObjectNode c = noteCreate();
      note(c).put("x", "10");
      assertInvalid(c);
      c = noteCreate();
      note(c).put("text", 42);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("color", 1);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("x", true);
      assertInvalid(c);
      c = noteCreate();
      c.put("note", "n1");
      assertInvalid(c);
      c = noteCreate();
      c.put("room", 7);
      assertInvalid(c);
      c = noteCreate();
      c.put("commandId", 7);
      assertInvalid(c);
      assertInvalid("{'type':7,'commandId':'c1'}");
      assertInvalid(noteUpdate("{'text':99}"));
      assertInvalid(noteUpdate("{'y':'1'}"));
      assertInvalid(noteUpdate("'text'"));
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':5}}");
    }

    @Test
    void noteTextOf2000CharactersIsAcceptedAnd2001Rejected() {
      ObjectNode c = noteCreate();
      note(c).put("text", repeat("a", 2000));
      assertEquals(2000, ((CreateNote) CommandParser.parse(c)).note().text().length());
      note(c).put("text", repeat("a", 2001));
      assertInvalid(c);
      assertInvalid(noteUpdate("{'text':'" + repeat("b", 2001) + "'}"));
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
      ObjectNode c = noteCreate();
      String emojis = repeat("\uD83D\uDE00", 2000); // 2000 code points, 4000 UTF-16 units
      note(c).put("text", emojis);
      assertEquals(emojis, ((CreateNote) CommandParser.parse(c)).note().text());
      note(c).put("text", emojis + "x");
      assertInvalid(c);
    }

    @Test
    void controlCharactersInTextAreRejectedButNewlinesAndTabsAccepted() {
      ObjectNode c = noteCreate();
      note(c).put("text", "a\tb\nc\r\nd");
      CommandParser.parse(c);
      note(c).put("text", "a\u0000b");
      assertInvalid(c);
    }

    @Test
    void titleOf128IsAcceptedAnd129Rejected() {
      ObjectNode c = sectionCreate();
      ((ObjectNode) c.get("section")).put("title", repeat("T", 128));
      CommandParser.parse(c);
      ((ObjectNode) c.get("section")).put("title", repeat("T", 129));
      assertInvalid(c);
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{'title':'"
          + repeat("T", 129) + "'}}");
    }

    @Test
    void nameAndOrganisationOf129Rejected() {
      parse("{'type':'participant.update','commandId':'c1','patch':{'name':'" + repeat("N", 128) + "'}}");
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'" + repeat("N", 129) + "'}}");
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'organisation':'" + repeat("O", 129) + "'}}");
    }

    @Test
    void blankOrMultiLineNameRejected() {
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'   '}}");
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'name':'a\\nb'}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "n 1", "n.1", "n/1", "n1!", "ä", "n1\u00e9", "<script>"})
    void idsWithBadCharactersRejected(String id) {
      ObjectNode c = noteCreate();
      note(c).put("id", id);
      assertInvalid(c);
      c = noteCreate();
      c.put("room", id);
      assertInvalid(c);
      c = noteCreate();
      c.put("commandId", id);
      assertInvalid(c);
    }

    @Test
    void idsOf64AcceptedAnd65Rejected() {
      ObjectNode c = noteCreate();
      note(c).put("id", repeat("a", 64));
      c.put("commandId", repeat("-", 64));
      c.put("room", repeat("_", 64));
      CommandParser.parse(c);
      note(c).put("id", repeat("a", 65));
      assertInvalid(c);
      note(c).put("id", "n1");
      c.put("commandId", repeat("c", 65));
      assertInvalid(c);
      assertInvalid("{'type':'note.delete','commandId':'c1','room':'main','id':'" + repeat("z", 65) + "'}");
    }

    @Test
    void unknownColour() {
      ObjectNode c = noteCreate();
      note(c).put("color", "red");
      assertInvalid(c);
      note(c).put("color", "YELLOW");
      assertInvalid(c);
      assertInvalid(noteUpdate("{'color':'#ff0000'}"));
    }

    @Test
    void everyPaletteColourAccepted() {
      for (String colour : Limits.NOTE_COLORS) {
        ObjectNode c = noteCreate();
        note(c).put("color", colour);
        assertEquals(colour, ((CreateNote) CommandParser.parse(c)).note().color());
      }
    }

    @Test
    void unknownFieldInPatch() {
      assertInvalid(noteUpdate("{'text':'x','author':'someone-else'}"));
      assertInvalid(noteUpdate("{'title':'x'}"));
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{'text':'x'}}");
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{'role':'facilitator'}}");
    }

    @Test
    void unknownFieldAtTopLevelOrInTheItem() {
      ObjectNode c = noteCreate();
      c.put("by", "someone-else");
      assertInvalid(c);
      c = noteCreate();
      note(c).put("author", "someone-else");
      assertInvalid(c);
      c = noteCreate();
      note(c).put("createdAt", 0);
      assertInvalid(c);
      assertInvalid("{'type':'note.delete','commandId':'c1','room':'main','id':'n1','force':true}");
      assertInvalid("{'type':'sync','commandId':'c1','room':'main','all':true}");
    }

    @Test
    void emptyPatch() {
      assertInvalid(noteUpdate("{}"));
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{}}");
      assertInvalid("{'type':'participant.update','commandId':'c1','patch':{}}");
      assertInvalid(noteUpdate("{'text':null}"));
    }

    @Test
    void coordinatesOutOfRange() {
      ObjectNode c = noteCreate();
      note(c).put("x", 1_000_000);
      note(c).put("y", -1_000_000);
      CommandParser.parse(c);
      note(c).put("x", 1_000_000.5);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("y", 1e300);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("x", Double.NaN);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("x", Double.POSITIVE_INFINITY);
      assertInvalid(c);
      assertInvalid(noteUpdate("{'x':-1000001}"));
      assertInvalid(noteUpdate("{'y':1e400}"));
    }

    @Test
    void noteSizeLimits() {
      ObjectNode c = noteCreate();
      note(c).put("w", 40).put("h", 2000);
      CommandParser.parse(c);
      note(c).put("w", 39.5);
      assertInvalid(c);
      c = noteCreate();
      note(c).put("h", 2001);
      assertInvalid(c);
      assertInvalid(noteUpdate("{'w':39}"));
      assertInvalid(noteUpdate("{'w':-200}"));
    }

    @Test
    void sectionSizeLimits() {
      ObjectNode c = sectionCreate();
      ((ObjectNode) c.get("section")).put("w", 79);
      assertInvalid(c);
      c = sectionCreate();
      ((ObjectNode) c.get("section")).put("h", 20_001);
      assertInvalid(c);
    }

    @Test
    void aRejectionNamesTheOffendingField() {
      ObjectNode c = noteCreate();
      note(c).put("x", "10");
      Rejection r = assertThrows(Rejection.class, () -> CommandParser.parse(c));
      assertTrue(r.getMessage().contains("'x'"), r.getMessage());
    }
  }
}
