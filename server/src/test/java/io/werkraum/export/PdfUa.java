package io.werkraum.export;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;

/**
 * A PDF checked against PDF/UA-1 (ISO 14289-1) by veraPDF, the PDF Association's reference
 * validator: the machine-checkable conditions of the Matterhorn Protocol.
 */
final class PdfUa {
  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfUa() {}

  /** Each rule the PDF fails, once, as "clause-test: description (first message)"; empty when it conforms. */
  static List<String> failedRules(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      ValidationResult result = validator.validate(parser);
      Set<String> seen = new TreeSet<>();
      List<String> failed = new ArrayList<>();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() != TestAssertion.Status.FAILED) {
          continue;
        }
        String id = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
        if (seen.add(id)) {
          Rule rule = result.getValidationProfile().getRuleByRuleId(a.getRuleId());
          failed.add(id + ": " + (rule == null ? "" : rule.getDescription()) + " (" + a.getErrorMessage() + " at "
              + a.getLocation().getContext() + ")");
        }
      }
      if (failed.isEmpty() && !result.isCompliant()) {
        failed.add("not compliant, with no failed assertion reported: " + result.getJobEndStatus());
      }
      return failed;
    }
  }
}
