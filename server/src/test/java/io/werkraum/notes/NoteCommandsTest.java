package io.werkraum.notes;

import static io.werkraum.testing.Commands.assertInvalid;
import static io.werkraum.testing.Commands.assertRejected;
import static io.werkraum.testing.Commands.json;
import static io.werkraum.testing.Commands.read;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Rejection;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Palette;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input validation of the note and section commands, without Vert.x or Redis: accepted whole or rejected whole. */
class NoteCommandsTest {
  static JsonObject noteCreate() {
    return json("{'type':'note.create','commandId':'c1','room':'main','note':{'id':'n1','x':10,'y':-20}}");
  }

  static JsonObject note(JsonObject command) {
    return command.getJsonObject("note");
  }

  static JsonObject noteUpdate(String patch) {
    return json("{'type':'note.update','commandId':'c1','room':'main','id':'n1','patch':" + patch + "}");
  }

  static JsonObject sectionCreate() {
    return json("{'type':'section.create','commandId':'c1','room':'main',"
        + "'section':{'id':'s1','x':0,'y':0,'w':400,'h':300,'title':'Ideen'}}");
  }

  static NotesFeature.CreateNote created(JsonObject body) {
    return (NotesFeature.CreateNote) read(body);
  }

  @Nested
  class EachCommandType {
    @Test
    void noteCreateWithAllFields() {
      JsonObject c = noteCreate();
      note(c).put("w", 120).put("h", 80.5).put("color", "teal").put("text", "Jugendhilfe\nPlanung");
      NotesFeature.CreateNote n = created(c);
      assertEquals("main", n.room());
      assertEquals(java.util.List.of("n1", 10.0, -20.0, 120.0, 80.5, "teal", "Jugendhilfe\nPlanung"), java.util.List.of(
          n.note().id(), n.note().x(), n.note().y(), n.note().w(), n.note().h(), n.note().color(), n.note().text()));
    }

    @Test
    void noteCreateDefaultsAreTheProtocolsNoteSize() {
      NotesFeature.CreateNote n = created(noteCreate());
      assertEquals(200, n.note().w());
      assertEquals(150, n.note().h());
      assertEquals("yellow", n.note().color());
      assertEquals("", n.note().text());
    }

    @Test
    void noteUpdateKeepsOnlyGivenFields() {
      NotesFeature.Change u = (NotesFeature.Change) read(noteUpdate("{'text':'neu','x':5}"));
      assertEquals("n1", u.id());
      assertEquals("main", u.room());
      assertEquals(Map.of("text", "neu", "x", 5.0), u.patch().fields());
    }

    @Test
    void noteUpdateMoveResizeColour() {
      assertEquals(Map.of("x", 1.0, "y", 2.0), ((NotesFeature.Change) read(noteUpdate("{'x':1,'y':2}"))).patch().fields());
      assertEquals(Map.of("w", 300.0, "h", 40.0), ((NotesFeature.Change) read(noteUpdate("{'w':300,'h':40}"))).patch().fields());
      assertEquals(Map.of("color", "pink"), ((NotesFeature.Change) read(noteUpdate("{'color':'pink'}"))).patch().fields());
    }

    @Test
    void noteDelete() {
      assertEquals(new NotesFeature.Delete("main", "n1"), read("{'type':'note.delete','commandId':'c1','room':'main','id':'n1'}"));
    }

    @Test
    void noteDuplicate() {
      assertEquals(new NotesFeature.Duplicate("main", "n1", "n2", 230, -20),
          read("{'type':'note.duplicate','commandId':'c1','room':'main','id':'n1','note':{'id':'n2','x':230,'y':-20}}"));
      assertInvalid("{'type':'note.duplicate','commandId':'c1','room':'main','id':'n1','note':{'id':'n2','x':230}}");
      assertInvalid("{'type':'note.duplicate','commandId':'c1','room':'main','id':'n1','note':{'id':'n2','x':0,'y':0,'text':'x'}}");
    }

    @Test
    void sectionCreate() {
      NotesFeature.CreateSection s = (NotesFeature.CreateSection) read(NoteCommandsTest.sectionCreate());
      assertEquals(java.util.List.of("s1", 0.0, 0.0, 400.0, 300.0, "Ideen"), java.util.List.of(s.section().id(),
          s.section().x(), s.section().y(), s.section().w(), s.section().h(), s.section().title()));
    }

    @Test
    void sectionCreateTitleDefaultsToEmptyAndIsTrimmed() {
      JsonObject c = NoteCommandsTest.sectionCreate();
      c.getJsonObject("section").remove("title");
      assertEquals("", ((NotesFeature.CreateSection) read(c)).section().title());
      c.getJsonObject("section").put("title", "  Ziele  ");
      assertEquals("Ziele", ((NotesFeature.CreateSection) read(c)).section().title());
    }

    @Test
    void sectionUpdateAndDelete() {
      NotesFeature.Change u = (NotesFeature.Change) read(
          "{'type':'section.update','commandId':'c2','room':'main','id':'s1','patch':{'title':'Ziele','x':3,'w':800}}");
      assertEquals(Map.of("title", "Ziele", "x", 3.0, "w", 800.0), u.patch().fields());
      assertEquals(new NotesFeature.Delete("main", "s1"), read("{'type':'section.delete','commandId':'c3','room':'main','id':'s1'}"));
    }
  }

  @Nested
  class Rejections {
    @Test
    void bodyNotAnObject() {
      assertInvalid("note.create");
      assertInvalid(new JsonArray().add(1).add(2));
      assertInvalid(42);
      assertThrows(Rejection.class, () -> read(null));
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
    }

    @Test
    void nullCountsAsMissing() {
      assertInvalid("{'type':'note.create','commandId':'c1','room':'main','note':{'id':'n1','x':null,'y':0}}");
      assertInvalid("{'type':'note.create','commandId':null,'room':'main','note':{'id':'n1','x':0,'y':0}}");
    }

    @Test
    void wrongTypes() {
      JsonObject c = noteCreate();
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
    }

    @Test
    void noteTextOf2000CharactersIsAcceptedAnd2001Rejected() {
      JsonObject c = noteCreate();
      note(c).put("text", "a".repeat(2000));
      assertEquals(2000, created(c).note().text().length());
      note(c).put("text", "a".repeat(2001));
      assertInvalid(c);
      assertInvalid(noteUpdate("{'text':'" + "b".repeat(2001) + "'}"));
    }

    @Test
    void anEmojiCountsAsOneCharacter() {
      JsonObject c = noteCreate();
      String emojis = "\uD83D\uDE00".repeat(2000); // 2000 code points, 4000 UTF-16 units
      note(c).put("text", emojis);
      assertEquals(emojis, created(c).note().text());
      note(c).put("text", emojis + "x");
      assertInvalid(c);
    }

    @Test
    void controlCharactersInTextAreRejectedButNewlinesAndTabsAccepted() {
      JsonObject c = noteCreate();
      note(c).put("text", "a\tb\nc\r\nd");
      read(c);
      note(c).put("text", "a\u0000b");
      assertInvalid(c);
    }

    @Test
    void titleOf128IsAcceptedAnd129Rejected() {
      JsonObject c = sectionCreate();
      c.getJsonObject("section").put("title", "T".repeat(128));
      read(c);
      c.getJsonObject("section").put("title", "T".repeat(129));
      assertInvalid(c);
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{'title':'"
          + "T".repeat(129) + "'}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "n 1", "n.1", "n/1", "n1!", "ä", "n1\u00e9", "<script>"})
    void idsWithBadCharactersRejected(String id) {
      JsonObject c = noteCreate();
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
      JsonObject c = noteCreate();
      note(c).put("id", "a".repeat(64));
      c.put("commandId", "-".repeat(64));
      c.put("room", "_".repeat(64));
      read(c);
      note(c).put("id", "a".repeat(65));
      assertInvalid(c);
      note(c).put("id", "n1");
      c.put("commandId", "c".repeat(65));
      assertInvalid(c);
      assertInvalid("{'type':'note.delete','commandId':'c1','room':'main','id':'" + "z".repeat(65) + "'}");
    }

    @Test
    void unknownColour() {
      JsonObject c = noteCreate();
      note(c).put("color", "red");
      assertInvalid(c);
      note(c).put("color", "YELLOW");
      assertInvalid(c);
      assertInvalid(noteUpdate("{'color':'#ff0000'}"));
    }

    @Test
    void everyPaletteColourAccepted() {
      for (String colour : Palette.names()) {
        JsonObject c = noteCreate();
        note(c).put("color", colour);
        assertEquals(colour, created(c).note().color());
      }
    }

    @Test
    void unknownFieldInPatch() {
      assertInvalid(noteUpdate("{'text':'x','author':'someone-else'}"));
      assertInvalid(noteUpdate("{'title':'x'}"));
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{'text':'x'}}");
    }

    @Test
    void unknownFieldAtTopLevelOrInTheItem() {
      JsonObject c = noteCreate();
      c.put("by", "someone-else");
      assertInvalid(c);
      c = noteCreate();
      note(c).put("author", "someone-else");
      assertInvalid(c);
      c = noteCreate();
      note(c).put("createdAt", 0);
      assertInvalid(c);
      assertInvalid("{'type':'note.delete','commandId':'c1','room':'main','id':'n1','force':true}");
    }

    @Test
    void emptyPatch() {
      assertInvalid(noteUpdate("{}"));
      assertInvalid("{'type':'section.update','commandId':'c1','room':'main','id':'s1','patch':{}}");
      assertInvalid(noteUpdate("{'text':null}"));
    }

    @Test
    void coordinatesOutOfRange() {
      JsonObject c = noteCreate();
      note(c).put("x", 1_000_000);
      note(c).put("y", -1_000_000);
      read(c);
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
      JsonObject c = noteCreate();
      note(c).put("w", 40).put("h", 2000);
      read(c);
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
      JsonObject c = sectionCreate();
      c.getJsonObject("section").put("w", 79);
      assertInvalid(c);
      c = sectionCreate();
      c.getJsonObject("section").put("h", 20_001);
      assertInvalid(c);
    }

    @Test
    void aRejectionNamesTheOffendingField() {
      JsonObject c = noteCreate();
      note(c).put("x", "10");
      Rejection r = assertInvalid(c);
      assertTrue(r.getMessage().contains("'x'"), r.getMessage());
    }
  }
}
