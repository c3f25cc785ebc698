/*
 * The route-finder in Wagtail's page editor (see wagtail_vertrouwen/blocks/editor.py).
 *
 * LazyStructBlock: a probleemgebied that starts collapsed is not rendered. It posts its
 * stored value from one hidden input until it is first opened, gets an error or the focus;
 * then Wagtail's own StructBlock form is built in its place, from the same state.
 *
 * RouteStepBlock: Wagtail's StructBlock, titled by the person a step goes to, else its role,
 * followed by what to do; a branch's condition ("Only when") comes before them.
 */
(() => {
  const { StructBlockDefinition } = window.wagtailStreamField.blocks;
  const LAZY_KEY = 'vw_lazy_value';

  class LazyStructBlock {
    constructor(blockDef, placeholder, prefix, state, stored) {
      this.blockDef = blockDef;
      this.type = blockDef.name;
      this.prefix = prefix;
      this.state = state;
      this.real = null;
      this.element = document.createElement('div');
      this.element.dataset.vwLazyBlock = '';
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = `${prefix}-${LAZY_KEY}`;
      input.value = stored;
      this.element.append(input);
      placeholder.replaceWith(this.element);
      this.container = [this.element];
      this.onToggle = () => {
        if (!this.element.closest('[hidden]')) this.materialize();
      };
      document.addEventListener('wagtail:panel-toggle', this.onToggle);
      // Collapsing happens right after rendering: a block that stays visible (a route-finder
      // whose areas are not collapsed) is built at once.
      setTimeout(this.onToggle, 0);
    }

    materialize() {
      if (!this.real) {
        document.removeEventListener('wagtail:panel-toggle', this.onToggle);
        const placeholder = document.createElement('div');
        this.element.replaceWith(placeholder);
        this.real = StructBlockDefinition.prototype.render.call(
          this.blockDef,
          placeholder,
          this.prefix,
          this.state,
        );
        this.container = this.real.container;
      }
      return this.real;
    }

    get childBlocks() {
      return this.materialize().childBlocks;
    }

    setState(state) {
      this.materialize().setState(state);
    }

    setError(error) {
      if (error) this.materialize().setError(error);
    }

    getState() {
      return this.real ? this.real.getState() : this.state;
    }

    getDuplicatedState() {
      return this.materialize().getDuplicatedState();
    }

    getValue() {
      return this.materialize().getValue();
    }

    getTextLabel(options) {
      if (this.real) return this.real.getTextLabel(options);
      const title = String(this.state[this.blockDef.childBlockDefs[0].name] || '').trim();
      const maxLength = options && options.maxLength;
      if (maxLength && title.length > maxLength) return `${title.substring(0, maxLength - 1)}…`;
      return title || null;
    }

    focus(options) {
      this.materialize().focus(options);
    }
  }

  class LazyStructBlockDefinition extends StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      const { [LAZY_KEY]: stored, ...state } = initialState || {};
      if (stored === undefined || initialError) {
        return super.render(placeholder, prefix, initialState && state, initialError);
      }
      return new LazyStructBlock(this, placeholder, prefix, state, stored);
    }
  }

  class RouteStepBlockDefinition extends StructBlockDefinition {
    render(...args) {
      const block = super.render(...args);
      block.getTextLabel = (options) => {
        const label = (name) => {
          // An unset choice would be titled by its blank option ("---------").
          const child = block.childBlocks[name];
          if (!child || !child.getValue() || !child.getTextLabel) return '';
          return child.getTextLabel() || '';
        };
        const who = label('person') || label('role');
        const what = label('action');
        const step = who && what ? `${who}: ${what}` : who || what;
        // A branch ("Only when ...") comes first, as on the public page.
        const when = label('condition');
        const text = when && step ? `${when} → ${step}` : when || step;
        const maxLength = options && options.maxLength;
        if (maxLength && text.length > maxLength) return `${text.substring(0, maxLength - 1)}…`;
        return text || null;
      };
      return block;
    }
  }

  window.telepath.register('wagtail_vertrouwen.blocks.LazyStructBlock', LazyStructBlockDefinition);
  window.telepath.register('wagtail_vertrouwen.blocks.RouteStepBlock', RouteStepBlockDefinition);
})();
