"""Tone of voice per medium: the guide (tone_of_voice.yml) and the rendering step."""
from bot.tone.guide import ToneGuideError, medium_of, parse_guide, tone_guide
from bot.tone.render import Part, render, render_staff, sign, tone_problems

__all__ = ["Part", "ToneGuideError", "medium_of", "parse_guide", "render", "render_staff", "sign",
           "tone_guide", "tone_problems"]
