/**
 * Blank scorecard: the four perspective bands of the IT value framework, Business Value on top,
 * and nothing else. A canvas for building a scorecard live in a workshop.
 */
import type { TemplateDefinition } from "./definition.ts";

export const blankTemplate: TemplateDefinition = {
  key: "blank",
  name: "Blank scorecard",
  summary: "Four empty perspectives with Business Value on top: add your own objectives, measures and investments.",
  scorecard: { title: "Untitled scorecard", organization: "", currency: "USD", periodKind: "quarter" },
  perspectives: [
    {
      key: "bv",
      name: "Business Value",
      description: "What the business gets from IT.",
      weight: 1,
      color: "#1d4ed8",
    },
    {
      key: "st",
      name: "Stakeholders",
      description: "How business users and leaders experience IT.",
      weight: 1,
      color: "#0f766e",
    },
    {
      key: "ox",
      name: "Operational Excellence",
      description: "How well IT runs, changes and protects its services.",
      weight: 1,
      color: "#b45309",
    },
    {
      key: "fr",
      name: "Future Readiness",
      description: "The people, architecture and data capabilities IT needs next.",
      weight: 1,
      color: "#7c3aed",
    },
  ],
  objectives: [],
  links: [],
  measures: [],
  investments: [],
  impacts: [],
};
